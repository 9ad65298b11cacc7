// The words a PDF made by pdfkit shows, for assertions: its content streams are inflated and the
// strings of each text-showing operator (TJ, ISO 32000-1 §9.4.3) joined. pdfkit writes the
// standard fonts' text as hex strings in WinAnsiEncoding (§D.2), with kerning numbers between.
import { inflateSync } from 'node:zlib';

// WinAnsiEncoding is Latin-1 but for 0x80–0x9F, where it has punctuation (bullet, dashes, quotes).
const WIN_ANSI_80 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const winAnsi = (bytes: Buffer) => [...bytes].map((b) => (b >= 0x80 && b <= 0x9f ? WIN_ANSI_80[b - 0x80] : String.fromCharCode(b))).join('');

export function pdfText(pdf: Buffer): string {
  const lines: string[] = [];
  const raw = pdf.toString('latin1');
  for (const m of raw.matchAll(/stream\r?\n/g)) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    let content: string;
    try {
      content = inflateSync(pdf.subarray(start, end)).toString('latin1');
    } catch {
      continue; // an image or another stream that is not deflated content
    }
    for (const op of content.matchAll(/\[((?:<[0-9a-fA-F]*>|[-\d.\s])*)\]\s*TJ/g)) {
      const hex = [...op[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]).join('');
      lines.push(winAnsi(Buffer.from(hex, 'hex')));
    }
  }
  // Lines wrapped by the layout read as one text, with a space where the line broke.
  return lines.join('\n');
}

/** The text with every run of white space as one space, for matching names a line break may split. */
export function flatPdfText(pdf: Buffer): string {
  return pdfText(pdf).replace(/\s+/g, ' ');
}
