package com.dittofs.operator.api.v1alpha1;

/** dfs log levels. */
public enum LogLevel {
    DEBUG, INFO, WARN, ERROR
}
