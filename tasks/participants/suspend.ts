import { standingAction } from "./standing.js";

export default standingAction("suspend", "suspended");
