import re,sys,os,glob
files=glob.glob(sys.argv[1]+'/**/*.swift',recursive=True)
res=[]
decl=re.compile(r'^\s*(?:@\w+\s+)*(?:(?:public|private|fileprivate|internal|static|mutating|nonisolated|override|package|final)\s+)*(func\s+[\w`]+|init[?!]?|var\s+\w+\s*:[^={]*)\s*[\(<{]?')
for f in files:
    L=open(f).read().split('\n')
    i=0
    while i<len(L):
        m=decl.match(L[i])
        if m and ('func' in m.group(1) or m.group(1).startswith('init') or ('var' in m.group(1) and L[i].rstrip().endswith('{'))):
            # find body start
            j=i; depth=0; started=False; k=i
            while k<len(L):
                line=re.sub(r'"(?:\\.|[^"\\])*"','""',L[k]); line=re.sub(r'//.*','',line)
                for ch in line:
                    if ch=='{': depth+=1; started=True
                    elif ch=='}': depth-=1
                if started and depth<=0: break
                if not started and k>i+6: break
                k+=1
            if started:
                body=L[i:k+1]
                txt='\n'.join(re.sub(r'//.*','',re.sub(r'"(?:\\.|[^"\\])*"','""',x)) for x in body)
                br=len(re.findall(r'\b(if|guard|case|for|while|catch)\b|&&|\|\||\?\?| \? ',txt))
                name=m.group(1).split('(')[0]
                res.append((k-i+1,br,os.path.relpath(f,sys.argv[1]),name.strip()))
            i=k+1 if started else i+1
        else: i+=1
res.sort(reverse=True)
for r in res[:int(sys.argv[2]) if len(sys.argv)>2 else 10]: print("%4d lines %3d branches  %s  %s"%r)
