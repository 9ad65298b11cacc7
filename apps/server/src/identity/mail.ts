// Outgoing email. With SMTP_URL, nodemailer sends it; without, in development, each message is
// logged (without its link tokens) and written to DATA_DIR/outbox/ as a file the developer opens.
// Emails never carry health information — only "sign in to read it" and single-use links.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { emailsEs } from './mail-es.js';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

export function createMailer(config: Pick<Config, 'smtpUrl' | 'dataDir' | 'publicUrl'>, logger?: Logger): Mailer {
  const from = `Portico <no-reply@${new URL(config.publicUrl).hostname}>`;
  if (config.smtpUrl) {
    const smtpUrl = config.smtpUrl;
    // nodemailer is loaded with the first message, not at start (~16 MB the server need not hold).
    let transport: Promise<{ sendMail(mail: object): Promise<unknown> }> | undefined;
    return {
      async send(message) {
        transport ??= import('nodemailer').then(({ default: nodemailer }) => nodemailer.createTransport(smtpUrl));
        await (await transport).sendMail({ from, ...message });
      },
    };
  }
  const outbox = join(config.dataDir, 'outbox');
  return {
    async send(message) {
      mkdirSync(outbox, { recursive: true, mode: 0o700 });
      const file = join(outbox, `${new Date().toISOString().replace(/[:.]/g, '-')}-${Math.random().toString(36).slice(2, 8)}.eml`);
      writeFileSync(file, `From: ${from}\nTo: ${message.to}\nSubject: ${message.subject}\n\n${message.text}\n`, { mode: 0o600 });
      // The log gets the subject and the file, not the body: bodies hold single-use links.
      logger?.info({ subject: message.subject, file }, 'no SMTP_URL: email written to the outbox');
    },
  };
}

/** Sends without making the caller wait or fail (enrollment answers must not depend on mail). */
export function sendInBackground(mailer: Mailer, message: MailMessage, logger?: Logger): void {
  mailer.send(message).catch((err) => logger?.error({ err: { message: (err as Error).message } }, 'sending email failed'));
}

const SIGN_OFF = '\n\nIf you did not ask for this, you can ignore this email.\n\n— Portico';

export const emails = {
  activationCode: (publicUrl: string, code: string, expiresAt: string) => ({
    subject: 'Your Portico activation code',
    text: `Your care team invited you to Portico.\n\nGo to ${publicUrl}/enroll and enter this activation code with your date of birth:\n\n    ${code}\n\nThe code works once and expires on ${expiresAt.slice(0, 10)}.${SIGN_OFF}`,
  }),
  verifyEnrollment: (publicUrl: string, token: string) => ({
    subject: 'Confirm your email for Portico',
    text: `To finish creating your Portico account, open this link and choose a password:\n\n${publicUrl}/enroll/verify#token=${token}\n\nThe link works once and expires in 30 minutes.${SIGN_OFF}`,
  }),
  alreadyEnrolled: (publicUrl: string) => ({
    subject: 'Confirm your email for Portico',
    text: `Someone asked to create a Portico account, but you already have one.\n\nSign in at ${publicUrl}/ or reset your password at ${publicUrl}/password/forgot.${SIGN_OFF}`,
  }),
  passwordReset: (publicUrl: string, token: string) => ({
    subject: 'Reset your Portico password',
    text: `To choose a new password, open this link:\n\n${publicUrl}/password/reset#token=${token}\n\nThe link works once and expires in 30 minutes. Resetting your password signs you out everywhere.${SIGN_OFF}`,
  }),
  passwordChanged: (publicUrl: string) => ({
    subject: 'Your Portico password was changed',
    text: `The password of your Portico account was just changed.\n\nIf this was not you, reset it now at ${publicUrl}/password/forgot and contact your clinic.\n\n— Portico`,
  }),
  mfaAdded: (publicUrl: string) => ({
    subject: 'New sign-in method added to your Portico account',
    text: `A new two-step verification method was added to your Portico account.\n\nIf this was not you, sign in at ${publicUrl}/ and review your security settings, or contact your clinic.\n\n— Portico`,
  }),
  newMessage: (publicUrl: string) => ({
    subject: 'You have a new message',
    text: `You have a new message. Sign in to read it: ${publicUrl}/\n\n— Portico`,
  }),
};

/** Languages with email texts; the account's `locale` (or the web app's language) picks one. */
export const EMAIL_LOCALES = ['en', 'es'] as const;
export type EmailLocale = (typeof EMAIL_LOCALES)[number];

/** The email texts for a locale or an Accept-Language header value; English when unknown. */
export function emailsIn(locale: string | undefined): typeof emails {
  const first = (locale ?? '').split(',')[0].trim().toLowerCase();
  return first === 'es' || first.startsWith('es-') ? emailsEs : emails;
}
