// The program version, kept equal to package.json by a test (reading package.json at start-up would cost a file read).
export const PACKAGE_VERSION = '0.1.0';
