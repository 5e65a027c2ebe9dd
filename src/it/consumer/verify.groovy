// Runs after the consumer's build: what a consumer of stack-advisor gets. Its dependency tree and
// its runtime class path hold no logging binding, no picocli, no code generator and no test library
// in compile or runtime scope; JUnit and AssertJ appear only as the consumer's own test dependencies.

def tree = new File(basedir, 'target/dependency-tree.txt')
def classpath = new File(basedir, 'target/runtime-classpath.txt')
assert tree.isFile() : "no dependency tree at ${tree}"
assert classpath.isFile() : "no runtime class path at ${classpath}"
println "Consumer dependency tree:\n${tree.text}"

// The executable model's code generator runs at build time only (BundledRuleBasePrecompiler).
def neverAnywhere = ['org.slf4j:slf4j-simple', 'info.picocli:picocli', 'org.drools:drools-model-codegen', 'com.github.javaparser']
def notOutsideTests = ['org.junit', 'junit:junit', 'org.assertj', 'org.opentest4j', 'org.apiguardian']

def problems = []
def dependencies = tree.readLines().drop(1).findAll { it.trim() }.collect { line ->
    def coordinates = line.replaceFirst(/^[|+\\\- ]+/, '').replaceFirst(/ \(.*$/, '')
    def parts = coordinates.split(':')
    [line: line, key: parts[0] + ':' + parts[1], scope: parts[-1]]
}
dependencies.each { dependency ->
    if (neverAnywhere.any { dependency.key.startsWith(it) }) {
        problems << "the consumer's tree holds ${dependency.line.trim()}"
    }
    if (dependency.scope in ['compile', 'runtime'] && notOutsideTests.any { dependency.key.startsWith(it) }) {
        problems << "a test library in ${dependency.scope} scope: ${dependency.line.trim()}"
    }
}
def library = dependencies.find { it.key == 'org.stackadvisor:stack-advisor' }
if (library?.scope != 'compile') {
    problems << "org.stackadvisor:stack-advisor is not a compile dependency of the consumer"
}
['org.slf4j:slf4j-api', 'org.drools:drools-core', 'org.kie:kie-api'].each { expected ->
    if (!dependencies.any { it.key == expected && it.scope == 'compile' }) {
        problems << "${expected} did not come with the library in compile scope"
    }
}
def version = library ? library.line.replaceFirst(/^[|+\\\- ]+/, '').split(':')[3] : ''
def installed = new File(localRepositoryPath, "org/stackadvisor/stack-advisor/${version}")
def installedJars = installed.listFiles()?.findAll { it.name.endsWith('.jar') }*.name ?: []
// The library jar, with its sources and Javadoc jars (as Maven Central asks); never the shaded runnable jar.
def expectedJars = ["stack-advisor-${version}.jar", "stack-advisor-${version}-javadoc.jar", "stack-advisor-${version}-sources.jar"]
        .collect { it.toString() }
if (installedJars as Set != expectedJars as Set) {
    problems << "mvn install should install the library jar with its sources and Javadoc jars alone, but ${installed} holds ${installedJars}"
} else {
    def entries = new java.util.zip.ZipFile(new File(installed, expectedJars[0])).withCloseable { zip -> zip.entries()*.name }
    if (!entries.contains('org/stackadvisor/bundled-rules/manifest.json')) {
        problems << "the installed jar has no bundled rules"
    }
    if (entries.any { it.startsWith('picocli/') || it.startsWith('org/slf4j/') || it.startsWith('org/drools/') }) {
        problems << "the installed jar is the shaded runnable jar, not the library"
    }
}

def jars = classpath.text.trim().split(File.pathSeparator).collect { new File(it).name }
(['slf4j-simple', 'picocli', 'junit', 'assertj', 'opentest4j']).each { banned ->
    jars.findAll { it.startsWith(banned) }.each { problems << "the runtime class path holds ${it}" }
}
def log = new File(basedir, 'build.log').text
if (!log.contains('Tests run: 2, Failures: 0, Errors: 0, Skipped: 0')) {
    problems << "the consumer's two tests did not both run and pass; see ${basedir}/build.log"
}

assert problems.isEmpty() : problems.join('\n')
println "The consumer gets ${jars.size()} jars at run time, none of them a logging binding or a test library."
return true
