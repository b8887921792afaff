// What the header knows about the open register. Empty until the core says which it is.
export const register = $state<{ name: string }>({ name: "" });
