/** The JSON API answers under `/api`; everything else the app serves is a web page or an asset. */
export const API_PREFIX = 'api';

/** Paths of the JSON API. */
export const API_PATH = new RegExp(`^/${API_PREFIX}(/|$)`);
