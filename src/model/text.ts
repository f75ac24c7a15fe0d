/**
 * What a name or a free text may contain. Bidi overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069) can make a name display as another (the "Trojan Source" trick); C0/C1 control
 * characters, NUL above all, break terminals, logs and file names. Ordinary right-to-left text
 * (Arabic, Hebrew) and the LRM/RLM marks stay allowed. Design choice (Parley).
 */
import { z } from 'zod';

const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
const CONTROL_IN_LINE = /[\u0000-\u001F\u007F-\u009F]/;
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

export interface TextProblem {
  reason: 'bidi_override' | 'control_character';
  message: string;
}

/** The first character `text` may not contain, if any, with its code point and position. */
export function textProblem(text: string, opts: { multiline: boolean }): TextProblem | undefined {
  const m =
    (opts.multiline ? CONTROL_IN_TEXT : CONTROL_IN_LINE).exec(text) ?? BIDI_CONTROL.exec(text);
  if (!m) return undefined;
  const code = `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  const bidi = BIDI_CONTROL.test(m[0]);
  return {
    reason: bidi ? 'bidi_override' : 'control_character',
    message: `${bidi ? 'a bidi-override' : 'a control'} character (${code}) at position ${m.index + 1}; ${bidi ? 'ordinary right-to-left text is fine, overrides are not' : 'remove it'}`,
  };
}

const checked = (max: number, multiline: boolean) =>
  z
    .string()
    .max(max)
    .superRefine((t, ctx) => {
      const p = textProblem(t, { multiline });
      if (p) ctx.addIssue({ code: 'custom', message: p.message, params: { reason: p.reason } });
    });

/** A one-line text (a name): no control or bidi-override characters. */
export const LineSchema = (max: number) => checked(max, false);

/** A free text (a description, a note): line breaks and tabs allowed, other controls not. */
export const TextSchema = (max: number) => checked(max, true);
