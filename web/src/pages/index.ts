// The portal's pages, by route (`#/<route>/<id>`); the first is the default. The navigation shows only these.
import type { Page } from "../shell.js";
import { anchorPage } from "./anchor.js";
import { billPage } from "./bill.js";
import { evidencePage } from "./evidence.js";
import { verifyPage } from "./verify.js";
import { workPage } from "./work.js";

export const pages: Page[] = [verifyPage, evidencePage, workPage, billPage, anchorPage];
