export { calendarRoutes } from './calendar.routes.js';
export { seedCalendar } from './calendar.seed.js';
export { addWorkingDays, countWorkingDays, isWorkingDay, loadCalendar } from './calendar.service.js';
export type { LoadedCalendar, WorkingDayAnswer, WorkingDayCount } from './working-days.js';
export * as workingDays from './working-days.js';
