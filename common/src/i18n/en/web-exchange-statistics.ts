/** Technology exchange, public statistics page and its export (en). */
export const webExchangeStatistics = {
  exchangeStatistics: {
    title: 'Technology exchange statistics',
    intro: 'Technology offers and demands currently published (still valid) by priority sector and by country; expressions of interest and connection outcomes by month. Aggregate figures only: no detail of any listing.',
    asOf: 'Figures as of {{date}}',
    months: 'Period',
    monthsOption: 'Last {{count}} months',
    totals: {
      offers: 'Technology offers',
      demands: 'Technology demands',
      experts: 'Experts',
      intermediaries: 'Intermediaries',
      connections: 'Expressions of interest',
      outcomes: 'Outcomes recorded',
    },
    sections: {
      bySector: 'By priority sector',
      byCountry: 'By country',
      byMonth: 'Connections and outcomes by month',
    },
    chartLabel: 'Chart: {{title}}. The full figures are in the table below.',
    columns: {
      sector: 'Sector',
      country: 'Country',
      month: 'Month',
      offers: 'Offers',
      demands: 'Demands',
      connections: 'Expressions of interest',
      accepted: 'Accepted',
    },
    countryNote: 'Offers: country of origin of the technology; demands: where the enterprise is located.',
    unknown: 'Unknown',
    empty: 'No figures yet.',
    export: {
      filename: 'technology-exchange-statistics',
      sheet: 'Statistics',
      section: 'Section',
      group: 'Group',
      totalsRow: 'Published listings',
    },
  },
};
