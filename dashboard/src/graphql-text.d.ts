// esbuild's text loader: an operation file is imported as its source text (src/dashboard/assets.ts).
declare module '*.graphql' {
  const text: string;
  export default text;
}
