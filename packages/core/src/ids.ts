import { nanoid } from 'nanoid';

/** A random id, URL-safe; `size` 21 gives nanoid's collision resistance, fewer for DOM ids. */
export const uid = (size = 21): string => nanoid(size);
