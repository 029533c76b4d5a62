// Registers the toBeAccessible() matcher (axe-core rules) for LWC Jest tests.
const { registerSa11yMatcher } = require('@sa11y/jest');

registerSa11yMatcher();
