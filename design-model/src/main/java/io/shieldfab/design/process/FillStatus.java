package io.shieldfab.design.process;

/** PASS unless a finding is an ERROR. */
public enum FillStatus { PASS, FAIL }
