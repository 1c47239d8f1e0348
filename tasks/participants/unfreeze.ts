import { standingAction } from "./standing.js";

export default standingAction("unfreeze", "unfroze");
