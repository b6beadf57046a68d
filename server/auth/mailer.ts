// Outgoing mail. With SMTP_URL set, a real SMTP transport; otherwise (development) the message is
// written to the API log, so a newcomer can follow a set-password link without a mail service.
// Sending never blocks the request: its duration would tell whether an address has an account.
import nodemailer from 'nodemailer';
import type { Config } from '../../config/env.ts';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export type SendMail = (mail: Mail) => void;

export function createMailer(config: Config): SendMail {
  const { smtpUrl, from } = config.mail;
  if (!smtpUrl) {
    return (mail) => console.log(`[mail] to=${mail.to} subject="${mail.subject}"\n${mail.text}`);
  }
  const transport = nodemailer.createTransport(smtpUrl);
  return (mail) => {
    transport.sendMail({ from, ...mail }).catch((err: unknown) => {
      console.error(`[mail] sending "${mail.subject}" to ${mail.to} failed:`, err);
    });
  };
}
