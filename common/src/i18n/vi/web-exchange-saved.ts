/** Technology exchange, saved pages (vi). Filled by the helper that owns them. */
export const webExchangeSaved = {
  exchangeSaved: {},
};
