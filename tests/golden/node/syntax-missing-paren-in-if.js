if (x {
}
