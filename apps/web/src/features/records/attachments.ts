// DocumentReference attachments: inline base64 data or a URL on this server. Pure helpers.
import type { Attachment, DocumentReference } from '@medplum/fhirtypes';

export function attachmentOf(doc: DocumentReference): Attachment | undefined {
  return doc.content?.find((c) => c.attachment?.contentType?.startsWith('text/'))?.attachment ?? doc.content?.[0]?.attachment;
}

/** Decodes base64 attachment data as UTF-8 (atob alone would garble accented letters). */
export function decodeBase64Text(data: string): string {
  const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/** Plain text for a text/plain or text/html note; undefined when it is not text. */
export function noteText(attachment: Attachment | undefined): string | undefined {
  if (!attachment?.data || !attachment.contentType?.startsWith('text/')) return undefined;
  const text = decodeBase64Text(attachment.data);
  if (attachment.contentType.startsWith('text/html')) {
    // Rendered as text, never as HTML: a note must not be able to run script in the portal.
    const doc = new DOMParser().parseFromString(text, 'text/html');
    return doc.body.textContent ?? '';
  }
  return text;
}

/** A blob URL for viewing or saving the attachment. */
export function attachmentBlob(attachment: Attachment): Blob | undefined {
  if (!attachment.data) return undefined;
  const bytes = Uint8Array.from(atob(attachment.data), (c) => c.charCodeAt(0));
  return new Blob([bytes], { type: attachment.contentType ?? 'application/octet-stream' });
}
