import { standingAction } from "./standing.js";

export default standingAction("freeze", "froze");
