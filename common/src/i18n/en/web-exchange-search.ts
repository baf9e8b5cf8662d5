/** Technology exchange, search pages (en). Filled by the helper that owns them. */
export const webExchangeSearch = {
  exchangeSearch: {},
};
