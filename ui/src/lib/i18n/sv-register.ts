// Swedish texts of the Organisations and People screens and their forms.
export const svRegister = {
  "register.placeholder": "Organisationer och personer",
} as const satisfies Record<string, string>;
