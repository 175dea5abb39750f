// The parser's stack buffers are always written before they are read, so zeroing them is wasted work on the
// classification hot path.
[module: System.Runtime.CompilerServices.SkipLocalsInit]
