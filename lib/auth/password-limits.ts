export const PASSWORD_MIN_LENGTH = 12;
/** Long passphrases are welcome; the cap only stops megabyte-sized inputs from reaching the hasher. */
export const PASSWORD_MAX_LENGTH = 256;
