// The portal's pages, by route (`#/<route>/<id>`); the first is the default. The navigation shows only these.
import type { Page } from "../shell.js";
import { anchorPage } from "./anchor.js";
import { verifyPage } from "./verify.js";

export const pages: Page[] = [verifyPage, anchorPage];
