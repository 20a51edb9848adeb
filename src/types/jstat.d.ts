// jstat ships no types and, under ESM, only a default export: declare just what we use.
declare module 'jstat' {
  interface Dist {
    cdf(x: number, ...params: number[]): number;
    inv(p: number, ...params: number[]): number;
    pdf(x: number, ...params: number[]): number;
  }
  const jStat: {
    studentt: Dist;
    normal: Dist;
    beta: Dist;
    chisquare: Dist;
    gammaln(x: number): number;
  };
  export default jStat;
}
