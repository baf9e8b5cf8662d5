export { actionPermission, availableActions, CASE_KINDS, nextStatus, type CaseKind, type CaseTransition, type CaseWorkflow } from './cases.workflow.js';
