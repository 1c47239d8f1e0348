// The evidence certificate from the verify page, loaded only when asked for: the SDK's own certificate code and the
// font, an asset of the built site fetched from the same origin (no CDN), then cert.pdf downloaded.
import fontUrl from "@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf?url";

import { evidenceCertificate } from "../../src/evidence/certificate.js";
import type { EvidenceReceipt } from "../../src/evidence/receipt-format.js";
import type { EvidenceVerification } from "../../src/evidence/verdict.js";

let font: Promise<Uint8Array> | undefined;

/** The certificate's font, fetched once per page. */
function certificateFont(): Promise<Uint8Array> {
  font ??= fetch(fontUrl).then(async (response) => {
    if (!response.ok) throw new Error(`the certificate's font did not load (${response.status} ${fontUrl})`);
    return new Uint8Array(await response.arrayBuffer());
  });
  font.catch(() => (font = undefined));
  return font;
}

/** Makes the certificate of a verdict on a receipt and downloads it as cert.pdf. */
export async function downloadCertificate(options: {
  receipt: EvidenceReceipt;
  verification: EvidenceVerification;
  /** The RPC URL to put in the QR code's link; none when undefined. */
  rpcUrl?: string;
  /** The name of the document hashed and matched in the page; without one the receipt's name is shown as its word. */
  documentName?: string;
}): Promise<Uint8Array> {
  const pdf = await evidenceCertificate({
    receipt: options.receipt,
    verification: options.verification,
    font: await certificateFont(),
    // The QR code opens this very site's verify page.
    portalUrl: `${location.origin}${location.pathname}`,
    rpcUrl: options.rpcUrl,
    registry: options.verification.registry,
    documentName: options.documentName,
  });
  const url = URL.createObjectURL(new Blob([pdf as BlobPart], { type: "application/pdf" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = "cert.pdf";
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return pdf;
}
