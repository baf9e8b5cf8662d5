/** Technology exchange, connections pages (vi). Filled by the helper that owns them. */
export const webExchangeConnections = {
  exchangeConnections: {},
};
