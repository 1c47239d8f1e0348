// Reading a PDF back the way a person sees it, with Debian's poppler-utils and zbar-tools (see system-tools.ts): its
// text as laid out, and the link its QR code holds. Shared by the SDK's and the portal's certificate tests.
import { execFileSync } from "node:child_process";

/** The PDF's text, laid out as on the page (pdftotext -layout). */
export function pdfText(file: string): string {
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
}

/** The page's QR code, decoded from a 150 dpi rendering of it (pdftoppm, to `<file without .pdf>.png`; zbarimg). */
export function decodedQr(file: string): string {
  const png = file.replace(/\.pdf$/, "");
  execFileSync("pdftoppm", ["-png", "-r", "150", "-singlefile", file, png]);
  // QR codes only: rows of CJK text can look like other barcodes to zbar's other decoders (noise, and slower).
  return execFileSync("zbarimg", ["--raw", "-q", "-Sdisable", "-Sqrcode.enable", `${png}.png`], {
    encoding: "utf8",
  }).replace(/\n$/, "");
}
