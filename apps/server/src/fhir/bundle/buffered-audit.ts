// Holds a transaction's audit entries until it commits: a rolled-back write must not be logged as a
// successful one.
import type { AuditEntry } from '../../audit/audit-event.js';
import type { AuditSink } from '../../audit/audit-log.js';

export class BufferedAudit implements AuditSink {
  private entries: AuditEntry[] = [];

  record(entry: AuditEntry): void {
    this.entries.push(entry);
  }

  /** Hands everything recorded to the real sink. */
  commitTo(sink: AuditSink): void {
    for (const entry of this.entries) sink.record(entry);
    this.entries = [];
  }
}
