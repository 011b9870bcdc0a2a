/** Limits of the form endpoint, read by the handlers, the messages and the tests. */
export const BODY_LIMIT_BYTES = 64 * 1024;
/** Fields in one submission. */
export const MAX_PARTS = 100;
/** A field name quoted back in a message is cut here. */
export const MAX_NAME_SHOWN = 60;
/** Seconds a person is asked to wait when storage is down. */
export const STORE_RETRY_AFTER_S = 30;
export const DAY_MS = 86_400_000;
