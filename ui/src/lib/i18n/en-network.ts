// English texts of the Overview, Groups and Coverage screens (keys as sv-network.ts).
import type { svNetwork } from "./sv-network";

export const enNetwork: Record<keyof typeof svNetwork, string> = {
  "network.placeholder": "Groups and coverage",
};
