export { layoutIssue, endBlockPlacement, type LayoutInput } from './issue.js';
export { fillPageFeet, footGaps, SHORT_FOOT, type Relayable } from './feet.js';
export { layoutParagraph, type ParagraphOptions } from './paragraph.js';
export { layoutTitle, titleWordBreaks } from './title.js';
export { breakLines, fitLine, type LineFit } from './breakLines.js';
export { itemize, canBreakBetween, urlBreaks, urlRanges, type Cluster, type StyledText } from './itemize.js';
export { paginate, type FlowLine, type PageSlice } from './paginate.js';
export { NO_START, NO_END } from './classify.js';
export * from './types.js';
