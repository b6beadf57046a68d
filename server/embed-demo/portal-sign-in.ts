// Who may sign in to the portal demo site: its users are our demo client accounts with the demo
// password. Whether an email is a user at all only the API knows, so the site asks it by minting a
// token for that email, then asks whom the token stands for and turns staff away.
import { createHash, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { WidgetTag } from '../../shared/widgets.ts';
import type { OpsApi } from './ops-api.ts';

export type SignInOutcome =
  | { ok: true; email: string }
  /** `credentials` never says which of email and password was wrong. */
  | { ok: false; refusal: 'credentials' | 'staff' | 'unavailable' };

const email = z.email();

function samePassword(given: string, expected: string): boolean {
  // Equal-length digests: the comparison takes as long whatever was typed.
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

export async function signIn(
  api: OpsApi,
  widget: WidgetTag,
  demoPassword: string,
  form: { email: string; password: string },
): Promise<SignInOutcome> {
  const address = email.safeParse(form.email.trim().toLowerCase());
  if (!samePassword(form.password, demoPassword) || !address.success) return { ok: false, refusal: 'credentials' };

  const minted = await api.mint(address.data, widget);
  if (!minted.ok) return { ok: false, refusal: minted.unknownUser ? 'credentials' : 'unavailable' };
  const role = await api.roleOf(minted.token, widget).catch((err: unknown) => {
    console.error(err);
    return null;
  });
  if (role === null) return { ok: false, refusal: 'unavailable' };
  return role === 'client' ? { ok: true, email: address.data } : { ok: false, refusal: 'staff' };
}
