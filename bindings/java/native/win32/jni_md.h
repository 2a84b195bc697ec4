/*
 * jni_md.h for Windows (x86_64 and x86), for cross-building the JNI glue with MinGW where
 * no Windows JDK is installed (`make dist`). The JDK's jni.h includes it; the types are
 * those of the Windows JDK (LLP64: long is 32 bits) and JNICALL is __stdcall, which only
 * matters on 32-bit x86.
 */
#ifndef _JAVASOFT_JNI_MD_H_
#define _JAVASOFT_JNI_MD_H_

#define JNIEXPORT __declspec(dllexport)
#define JNIIMPORT __declspec(dllimport)
#define JNICALL __stdcall

typedef long jint;
typedef long long jlong;
typedef signed char jbyte;

#endif
