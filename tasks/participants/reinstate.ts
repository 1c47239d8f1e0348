import { standingAction } from "./standing.js";

export default standingAction("reinstate", "reinstated");
