import type { web as vi } from "../vi/web.js";

export const web: typeof vi = {
  app: { name: "Hải Phòng Technology Transfer Platform" },
};
