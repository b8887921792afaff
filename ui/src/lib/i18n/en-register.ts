// English texts of the Organisations and People screens and their forms (keys as sv-register.ts).
import type { svRegister } from "./sv-register";

export const enRegister: Record<keyof typeof svRegister, string> = {
  "register.placeholder": "Organisations and people",
};
