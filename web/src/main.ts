// The portal's shell: language, navigation between pages (hash routes), and the network panel every page reads through
// `ctx.connect()`. Pages are in ./pages/; each gets the shell as a PortalContext (./shell.ts).
import "./styles.css";

import { getAddress, isAddress } from "ethers";

import { rememberDeploymentBlock } from "../../src/verify.js";

import { preferredLang, shellText, type Lang } from "./i18n.js";
import { CONTRACTS, chainName, deploymentOn, knownNetworks, type ContractName, type KnownNetwork } from "./networks.js";
import { pages } from "./pages/index.js";
import { connectRpc, rpcLinkText, type Connection, type Origin, type PortalContext } from "./shell.js";

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const langButton = $<HTMLButtonElement>("lang");
const pageRoot = $<HTMLElement>("page");
const networkSelect = $<HTMLSelectElement>("network");
const rpcInput = $<HTMLInputElement>("rpc");
const networkStatus = $<HTMLElement>("networkStatus");
/** The network line's text, made again in the new language when it changes. */
let status: (lang: Lang) => string = () => "";
function showStatus(text: (lang: Lang) => string): void {
  status = text;
  networkStatus.textContent = text(lang);
}

/** The address field of each contract (its id: the EvidenceRegistry's is `registry`, the others' their short names). */
const FIELD_IDS: Record<ContractName, string> = {
  EvidenceRegistry: "registry",
  CopyrightRegistry: "copyright",
  CopyrightDisputes: "disputes",
  SupplyChainBills: "bills",
  ParticipantRegistry: "participants",
};
const addressInputs = Object.fromEntries(
  CONTRACTS.map((name) => [name, $<HTMLInputElement>(FIELD_IDS[name])]),
) as Record<ContractName, HTMLInputElement>;
/** Addresses the page filled in from a known deployment (forgotten when the network changes), not typed by the user. */
const filled = new Set<ContractName>();

let lang: Lang = preferredLang();
let langListeners: (() => void)[] = [];
let networks: KnownNetwork[] = [];

/** Where the RPC URL and each address came from; a link's choices are said, never taken as the reader's. */
const origins: Connection["origins"] = { rpc: "typed" };
const linkNotice = $<HTMLElement>("linkNotice");
function showLinkNotice(): void {
  linkNotice.hidden = origins.rpc !== "link";
  linkNotice.textContent = linkNotice.hidden ? "" : rpcLinkText(lang, rpcInput.value.trim());
}

const params = new URLSearchParams(location.search);
if (params.has("rpc")) {
  rpcInput.value = params.get("rpc")!;
  origins.rpc = "link";
}
for (const name of CONTRACTS) {
  const value = params.get(FIELD_IDS[name]);
  if (value !== null) {
    addressInputs[name].value = value;
    origins[name] = "link";
  }
}
/** Sets where a field's value came from. */
function setOrigin(name: ContractName | "rpc", origin: Origin): void {
  origins[name] = origin;
  showLinkNotice();
}

function applyLang(): void {
  document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
  for (const node of document.querySelectorAll<HTMLElement>("[data-i18n]")) {
    const key = node.dataset.i18n!;
    if (shellText.has(key)) node.textContent = shellText(lang, key);
  }
  langButton.textContent = lang === "zh" ? "English" : "中文";
  const custom = networkSelect.querySelector<HTMLOptionElement>('option[value=""]');
  if (custom !== null) custom.textContent = shellText(lang, "networkCustom");
  networkStatus.textContent = status(lang);
  showLinkNotice();
  for (const listener of langListeners) listener();
  document.title = `${shellText(lang, "brand")} · ${document.querySelector("#page h2")?.textContent ?? ""}`;
}

langButton.addEventListener("click", () => {
  lang = lang === "zh" ? "en" : "zh";
  applyLang();
});

/** Forgets the addresses filled in from another network's deployment. */
function forgetFilled(): void {
  for (const name of filled) {
    addressInputs[name].value = "";
    delete origins[name];
  }
  filled.clear();
}

networkSelect.addEventListener("change", () => {
  const chosen = networks[Number(networkSelect.value)];
  forgetFilled();
  if (chosen === undefined) return;
  const option = networkSelect.selectedOptions[0]?.textContent ?? "";
  showStatus(() => option);
  if (chosen.rpc !== undefined) {
    rpcInput.value = chosen.rpc;
    setOrigin("rpc", "list");
  }
  for (const name of CONTRACTS) {
    const address = chosen.contracts[name];
    if (address !== undefined && addressInputs[name].value.trim() === "") {
      addressInputs[name].value = address;
      filled.add(name);
      setOrigin(name, "list");
    }
  }
});
rpcInput.addEventListener("change", () => {
  networkSelect.value = "";
  forgetFilled();
  setOrigin("rpc", "typed");
});
for (const name of CONTRACTS) {
  addressInputs[name].addEventListener("input", () => {
    filled.delete(name);
    setOrigin(name, "typed");
  });
}

async function connect(): Promise<Connection> {
  const rpcUrl = rpcInput.value.trim();
  if (!/^https?:\/\/\S+$/i.test(rpcUrl)) {
    showStatus((l) => shellText(l, "badUrl"));
    throw new Error(shellText(lang, "badUrl"));
  }
  const provider = await connectRpc(rpcUrl, (why) => shellText(lang, "unreachable", { url: rpcUrl, why })).catch(
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      showStatus(() => message);
      throw error;
    },
  );
  const { chainId } = await provider.getNetwork();
  const deployment = deploymentOn(networks, chainId);
  const contracts: Connection["contracts"] = {};
  const known: Connection["known"] = {};
  for (const name of CONTRACTS) {
    let typed = addressInputs[name].value.trim();
    const recorded = deployment?.contracts[name];
    if (typed === "" && recorded !== undefined) {
      addressInputs[name].value = typed = recorded;
      filled.add(name);
      origins[name] = "list";
    }
    if (typed === "") continue;
    contracts[name] = isAddress(typed) ? getAddress(typed) : typed;
    known[name] = recorded !== undefined && recorded.toLowerCase() === typed.toLowerCase();
    const block = deployment?.blocks[name];
    if (known[name] && block !== undefined) rememberDeploymentBlock(chainId, typed, block); // histories start there
  }
  const name = chainName(chainId);
  showStatus((l) =>
    shellText(l, "connected", {
      chainId: String(chainId),
      name: name ? ` (${name})` : "",
    }),
  );
  return { provider, chainId, rpcUrl, contracts, known, origins: { ...origins } };
}

const ctx: PortalContext = {
  lang: () => lang,
  onLang: (render) => {
    langListeners.push(render);
  },
  connect,
  navigate: (route) => {
    location.hash = route;
  },
};

/** Shows the page of the current hash route (`#/<route>/<arg>`), the first page for none. */
async function route(): Promise<void> {
  const [name = "", ...rest] = location.hash.replace(/^#\/?/, "").split("/");
  const page = name === "" ? pages[0] : pages.find((p) => p.route === name);
  langListeners = [];
  pageRoot.replaceChildren();
  for (const link of document.querySelectorAll<HTMLAnchorElement>("nav a")) {
    const current = link.dataset.route === (page?.route ?? name);
    if (current) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
  if (page === undefined) {
    const missing = document.createElement("h2");
    pageRoot.append(missing);
    langListeners.push(() => (missing.textContent = shellText(lang, "notFound", { route: name })));
  } else {
    const arg = rest.length > 0 ? decodeURIComponent(rest.join("/")) : undefined;
    await page.mount(pageRoot, ctx, arg === "" ? undefined : arg);
  }
  applyLang();
}

// Navigation: only the pages this build has.
for (const link of document.querySelectorAll<HTMLAnchorElement>("nav a")) {
  link.hidden = !pages.some((p) => p.route === link.dataset.route);
}
window.addEventListener("hashchange", () => void route());

networks = await knownNetworks();
for (const [i, network] of networks.entries()) {
  const option = document.createElement("option");
  option.value = String(i);
  option.textContent = `${network.name} (${network.chainId})`;
  networkSelect.append(option);
}
// The first network the site lists (the local node under `npm run portal`) unless the link names an RPC URL.
const first = networks.findIndex((n) => n.rpc !== undefined);
if (!params.has("rpc") && first !== -1) {
  networkSelect.value = String(first);
  networkSelect.dispatchEvent(new Event("change"));
  $<HTMLDetailsElement>("networkPanel").open = false; // chosen for the user: the page comes first (on a phone too)
}
await route();
document.body.dataset.ready = "true"; // for people's scripts and the browser tests: the first page is shown
