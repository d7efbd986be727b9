/** Identity's public face to other features: who the caller is and what they may do, rotating codes. */
export * from './model';
export { useMe, usePermissions } from './hooks/useMe';
export { useRotatingCode } from './hooks/useRotatingCode';
export { useSeparateConsent } from './hooks/useSeparateConsent';
export { default as ConsentCard } from './components/ConsentCard';
