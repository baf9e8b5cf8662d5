/** Technology exchange, detail pages (en). Filled by the helper that owns them. */
export const webExchangeDetail = {
  exchangeDetail: {},
};
