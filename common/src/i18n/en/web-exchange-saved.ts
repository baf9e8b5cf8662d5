/** Technology exchange, saved pages (en). Filled by the helper that owns them. */
export const webExchangeSaved = {
  exchangeSaved: {},
};
