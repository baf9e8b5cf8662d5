/** Case-core web pieces for every case module (registration filing and processing now). */
export { CaseTimeline, type CaseTimelineProps } from './case-timeline.js';
export { ClockBadge, clockState, type ClockBadgeProps } from './clock-badge.js';
export { CommentsPanel, type CommentsPanelProps } from './comments-panel.js';
export { DocumentList, type DocumentListProps } from './document-list.js';
export { CurrentClock, type CurrentClockProps } from './current-clock.js';
