export { actionPermission, availableActions, CASE_KINDS, nextStatus, referenceNumber, type CaseKind, type CaseTransition, type CaseWorkflow, type Workflow } from './cases.workflow.js';
export {
  assignCase,
  createCase,
  currentAssignments,
  getCase,
  getCases,
  listCaseEvents,
  recordCaseEvent,
  transitionCase,
  type CaseEventRow,
  type CaseRow,
  type CreateCaseInput,
  type TransitionCaseInput,
} from './cases.service.js';
export { clockView, listClocks, pauseClock, resumeClock, startClock, stopClock, type CaseClockRow } from './case-clocks.service.js';
export { addComment, attachDocument, getDocument, listComments, listDocuments, removeDocument } from './case-content.service.js';
export { caseQueue, type CaseQueueInput } from './case-queue.service.js';
