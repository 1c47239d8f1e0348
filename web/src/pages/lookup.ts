// What the three look-up pages (evidence, work, bill) share: the lookup form, dates local and UTC, addresses and ids,
// rendering on every language change, and one sentence for any failure.
import { SdkError } from "../../../src/verify.js";
import type { Lang } from "../i18n.js";
import { translator } from "../i18n.js";
import {
  RpcUnreachableError,
  el,
  localIso,
  trustNote,
  type Connection,
  type ContractName,
  type PortalContext,
} from "../shell.js";
import "./lookup.css";

export const common = translator(
  {
    lookUp: "Look up",
    loading: "Reading the chain…",
    noContract: "No {contract} address for this network: type it in the network panel.",
    error: "Could not read it",
    local: "local",
    none: "none",
    yes: "yes",
    no: "no",
    yuan: "yuan",
  },
  {
    lookUp: "查询",
    loading: "正在读取链上数据…",
    noContract: "该网络没有 {contract} 地址：请在网络面板中填写。",
    error: "无法读取",
    local: "本地",
    none: "无",
    yes: "是",
    no: "否",
    yuan: "元",
  },
);

/** A date as people read it here: local time with its offset, then UTC (ISO). */
export function dateText(date: Date): string {
  return `${localIso(date)} · ${date.toISOString().replace(".000Z", "Z")}`;
}

/** An address or id, in hex, in a monospace span that wraps anywhere (a phone is narrow). */
export function hex(value: string): HTMLElement {
  return el("code", { class: "hex" }, value);
}

/** A definition list from rows of [label, value]. */
export function facts(rows: [string, string | Node][]): HTMLDListElement {
  const list = el("dl", { class: "facts" });
  for (const [label, value] of rows) list.append(el("dt", {}, label), el("dd", {}, value));
  return list;
}

/** A section with a heading. */
export function section(title: string, ...children: Node[]): HTMLElement {
  return el("section", { class: "lookup-section" }, el("h3", {}, title), ...children);
}

/** A sentence for a failure: the SDK's message, the RPC's, or the error's own. */
export function failureText(error: unknown): string {
  if (error instanceof SdkError || error instanceof RpcUnreachableError) return error.message;
  return error instanceof Error ? error.message : String(error);
}

/** What a look-up page shows, re-rendered on each language change. */
export type Shown<T> =
  | { kind: "idle" }
  | { kind: "loading" }
  | { kind: "error"; message: string }
  | { kind: "facts"; value: T; connection: Connection };

export interface LookupOptions<T> {
  route: string;
  /** The contract the facts are read from: how far it is trusted is said above them. */
  contract: ContractName;
  /** The page's title, the id field's label and its placeholder, in the current language. */
  title(lang: Lang): string;
  label(lang: Lang): string;
  placeholder: string;
  /** Checks the typed id and returns it normalised (throws a sentence for people otherwise). */
  normalise(text: string, lang: Lang): string;
  /** Reads the facts of `id` from the connection. */
  read(connection: Connection, id: string): Promise<T>;
  /** Renders the facts into `out`. */
  render(out: HTMLElement, value: T, lang: Lang, ctx: PortalContext): void;
}

/**
 * Mounts a look-up page: a heading, a form to type an id (submitting goes to `#/<route>/<id>`), and the facts of the
 * route's id, if any.
 */
export async function mountLookup<T>(
  root: HTMLElement,
  ctx: PortalContext,
  arg: string | undefined,
  options: LookupOptions<T>,
): Promise<void> {
  const title = el("h2", {});
  const labelText = el("span", {});
  const input = el("input", {
    type: "text",
    id: `${options.route}-id`,
    name: "id",
    placeholder: options.placeholder,
    spellcheck: "false",
    autocomplete: "off",
  });
  const button = el("button", { type: "submit" });
  const form = el(
    "form",
    { class: "lookup-form", role: "search" },
    el("label", { for: input.id }, labelText),
    el("div", { class: "lookup-row" }, input, button),
  );
  const status = el("p", { class: "lookup-status", role: "status", "aria-live": "polite" });
  const out = el("div", { class: "lookup-result", id: `${options.route}-result` });
  root.append(title, form, status, out);
  if (arg !== undefined) input.value = arg;

  let shown: Shown<T> = { kind: "idle" };
  const render = () => {
    const lang = ctx.lang();
    title.textContent = options.title(lang);
    labelText.textContent = options.label(lang);
    button.textContent = common(lang, "lookUp");
    out.replaceChildren();
    status.textContent = "";
    delete status.dataset.status;
    if (shown.kind === "loading") status.textContent = common(lang, "loading");
    if (shown.kind === "error") {
      status.dataset.status = "error";
      status.textContent = `${common(lang, "error")}: ${shown.message}`;
    }
    if (shown.kind === "facts") {
      out.append(trustNote(shown.connection, options.contract, lang));
      options.render(out, shown.value, lang, ctx);
    }
  };
  ctx.onLang(render);

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    try {
      const id = options.normalise(input.value.trim(), ctx.lang());
      ctx.navigate(`#/${options.route}/${id}`);
    } catch (error) {
      shown = { kind: "error", message: failureText(error) };
      render();
      input.focus();
    }
  });

  if (arg === undefined) {
    render();
    return;
  }
  shown = { kind: "loading" };
  render();
  try {
    const id = options.normalise(arg, ctx.lang());
    const connection = await ctx.connect();
    shown = { kind: "facts", value: await options.read(connection, id), connection };
  } catch (error) {
    shown = { kind: "error", message: failureText(error) };
  }
  render();
}

/** The connection's address of `contract`, or a sentence saying to type it in. */
export function contractOf(connection: Connection, contract: keyof Connection["contracts"], lang: Lang): string {
  const address = connection.contracts[contract];
  if (address === undefined) throw new Error(common(lang, "noContract", { contract }));
  return address;
}
