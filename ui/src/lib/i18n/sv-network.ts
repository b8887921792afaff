// Swedish texts of the Overview, Groups and Coverage screens.
export const svNetwork = {
  "network.placeholder": "Grupper och täckning",
} as const satisfies Record<string, string>;
