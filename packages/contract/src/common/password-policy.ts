import { z } from "zod";
import { documentAs } from "./documented";

/** Django's MinimumLengthValidator default; the server's validators read it from here. */
export const MIN_PASSWORD_LENGTH = 8;

/**
 * A user's password as sent. The server checks Django's validators itself, all at once with
 * one message each (auth/password-validators.ts), so zod only bounds the length; the two
 * rules that depend on nothing but the value (at least 8 characters, not entirely numeric)
 * are what the document states. Too common and too similar to the username/names/email
 * depend on a word list and on the other fields, which JSON Schema cannot say.
 */
export const userPassword = () =>
  documentAs(z.string().min(1, "Must be at least 1 characters.").max(200), {
    type: "string",
    minLength: MIN_PASSWORD_LENGTH,
    maxLength: 200,
    // One character that is not an ASCII digit (the validator's /^\d+$/), and no NUL anywhere.
    pattern: "^[^\\u0000]*[^0-9\\u0000][^\\u0000]*$",
  });
