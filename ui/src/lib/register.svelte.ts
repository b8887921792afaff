// What the app knows about the open register: its name and size for the header and Settings,
// or why it could not be opened (then the app shows that instead of its screens).
import { AppError, invoke } from "./api";
import type { RegisterInfo } from "./bindings/RegisterInfo";

export const register = $state<{
  name: string;
  info: RegisterInfo | null;
  error: AppError | null;
}>({ name: "", info: null, error: null });

/** Asks the core which register is open; call again after changes to refresh the counts. */
export async function loadRegister(): Promise<void> {
  try {
    const info = await invoke("register_info");
    register.info = info;
    register.name = info.network_name ?? "";
    register.error = null;
  } catch (err) {
    register.error = err instanceof AppError ? err : null;
  }
}
