declare module 'word-extractor';
